# Find a room by the extension callers dial...
data "conference_portsip_room" "sales" {
  extension_number = "8100"
}

# ...or by its PortSIP ID.
data "conference_portsip_room" "board" {
  id = "NzAwNTUxOTA5NzczMTQ4MTYw"
}

output "sales_dial_in" {
  value = "Dial ${data.conference_portsip_room.sales.extension_number} for ${data.conference_portsip_room.sales.subject}"
}

# The PINs are sensitive: outputs that carry them must say so.
output "board_room_pin" {
  value     = data.conference_portsip_room.board.room_pin
  sensitive = true
}
