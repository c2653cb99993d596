# The body of one conference_portsip_room, repeated with count = N by
# bench/e2e.sh; its floors get the same body. count.index keeps what the
# emulator wants unique unique: the extension number (3 to 64 digits).
# A video room with the settings a real one carries, so that the validators
# and plan modifiers of those attributes run.
extension_number   = format("7%05d", count.index)
mode               = "VIDEO"
subject            = "Bench room ${count.index}"
capacity           = 50
control            = "MASTER"
layout             = "LAYOUT4"
height             = 1080
width              = 1920
room_pin           = "2468"
language           = "en-US"
timezone           = "Europe/Berlin"
scheduled_start_at = "2030-03-02T16:00:00+01:00"
scheduled_end_at   = "2030-03-02T17:30:00+01:00"
custom_options     = jsonencode({ moh = true })
