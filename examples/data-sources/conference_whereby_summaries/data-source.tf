# Every summary Whereby made, and those of one room (the list has no room
# filter of its own).
data "conference_whereby_summaries" "all" {
  sort_by = "startDate:desc"
}

output "board_summaries" {
  value = [for s in data.conference_whereby_summaries.all.summaries : s.text if s.room_name == "/board-2b1d7c4e"]
}
