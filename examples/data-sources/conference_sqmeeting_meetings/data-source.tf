# Every meeting whose name or number matches "review", across all pages.
data "conference_sqmeeting_meetings" "reviews" {
  filter = "review"
}

output "reviews" {
  value = { for m in data.conference_sqmeeting_meetings.reviews.meetings : m.id => "${m.name} at ${m.start_time}" }
}
