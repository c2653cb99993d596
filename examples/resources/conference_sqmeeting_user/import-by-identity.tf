# With Terraform 1.12 or OpenTofu 1.12 and later, by its identity: the user's
# ID (user_id), never its username.
import {
  to = conference_sqmeeting_user.dave
  identity = {
    id = "5b1e7c1a-3d0f-5a8e-9b61-2f4c8d7e9a03"
  }
}
