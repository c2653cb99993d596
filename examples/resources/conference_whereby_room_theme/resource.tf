resource "conference_whereby_meeting" "all_hands" {
  end_date         = "2030-05-07T18:00:00Z"
  room_name_prefix = "all-hands-"
}

# The room's branding. What is left out is Whereby's default; destroying the
# theme resets the room to Whereby's default theme.
resource "conference_whereby_room_theme" "all_hands" {
  room_name = conference_whereby_meeting.all_hands.room_name

  primary_color   = "#1a73e8"
  secondary_color = "#202124"
  focus_color     = "#fbbc04"

  # Local files, read when Terraform plans: a changed file uploads that image
  # again. Backgrounds are at most 600 kB.
  logo_file                       = "${path.module}/branding/logo.png"
  room_background_file            = "${path.module}/branding/background.png"
  room_knock_page_background_file = "${path.module}/branding/knock.png"
}
