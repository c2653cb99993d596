# A meeting is imported by its reservation ID.
import {
  to = conference_sqmeeting_meeting.review
  id = "1f0c6a55-8d8e-4b43-9c1e-3e7f0b6f2a10"
}
