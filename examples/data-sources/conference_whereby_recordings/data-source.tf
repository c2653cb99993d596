# Every recording of one meeting's room, largest first, however many pages
# Whereby answers in.
data "conference_whereby_recordings" "town_hall" {
  room_name = "/town-hall-2b1d7c4e"
  sort_by   = "sizeInMegaBytes:desc"
}

output "town_hall_storage_mb" {
  value = sum(concat([0], [for r in data.conference_whereby_recordings.town_hall.recordings : r.size_in_megabytes]))
}
