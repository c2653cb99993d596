# The organization's transcriptions, newest session first.
data "conference_whereby_transcriptions" "all" {
  sort_by = "startDate:desc"
}

# Those that failed, to make again from their recordings.
output "failed_transcriptions" {
  value = [for t in data.conference_whereby_transcriptions.all.transcriptions : t.id if t.state == "failed"]
}
