# Large video rooms, by extension.
data "conference_portsip_rooms" "large_video" {
  filter  = "mode eq 'VIDEO' and capacity ge 50"
  orderby = "extension_number asc"
}

# Rooms whose subject or extension mentions "sales".
data "conference_portsip_rooms" "sales" {
  search = "sales"
}

output "large_video_rooms" {
  value = { for r in data.conference_portsip_rooms.large_video.rooms : r.extension_number => r.subject }
}

output "sales_room_count" {
  value = length(data.conference_portsip_rooms.sales.rooms)
}
