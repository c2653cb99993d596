# With Terraform 1.12 or OpenTofu 1.12 and later, by its identity: the same ID.
import {
  to = conference_sqmeeting_meeting.review
  identity = {
    id = "1f0c6a55-8d8e-4b43-9c1e-3e7f0b6f2a10"
  }
}
