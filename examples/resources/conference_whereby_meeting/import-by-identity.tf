# With Terraform 1.12 or OpenTofu 1.12 and later, by its identity: the same ID.
import {
  to = conference_whereby_meeting.example
  identity = {
    id = "9cf691bf-f2d5-4420-bda9-ee8607bb558b"
  }
}
