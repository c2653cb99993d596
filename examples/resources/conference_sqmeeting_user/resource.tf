# The password is write-only (Terraform 1.11 or OpenTofu 1.11 and later): it
# is sent, never stored. An ephemeral variable keeps it out of the plan too.
variable "dave_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "conference_sqmeeting_user" "dave" {
  username   = "dave"
  real_name  = "Dave Example"
  email      = "dave@example.com"
  department = "Operations"
  mobile     = "+15550100"
  role       = "MeetingOperator"

  password_wo = var.dave_password
  # Change the version to send a new password.
  password_wo_version = 1
}
