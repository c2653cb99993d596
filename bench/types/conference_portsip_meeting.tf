# The body of one conference_portsip_meeting (see conference_portsip_room.tf):
# a meeting of the user the provider signs in as (the emulator's admin). The
# PBX assigns the extension. A video meeting with the settings a real one
# carries, so that the validators and plan modifiers of those attributes run.
mode               = "VIDEO"
subject            = "Bench meeting ${count.index}"
timezone           = "Europe/Berlin"
capacity           = 50
control            = "MASTER"
layout             = "LAYOUT4"
height             = 1080
width              = 1920
room_pin           = "2468"
language           = "en-US"
scheduled_start_at = "2030-03-02T16:00:00+01:00"
scheduled_end_at   = "2030-03-02T17:30:00+01:00"
custom_options     = jsonencode({ moh = true })
