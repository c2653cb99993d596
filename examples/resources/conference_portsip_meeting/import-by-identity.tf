# With Terraform 1.12 or OpenTofu 1.12 and later, by its identity: the same ID.
# The resource block it is imported into selects the owner's provider alias.
import {
  to = conference_portsip_meeting.design_review
  identity = {
    id = "NzAwNTUxOTA5NzczMTQ4MTYw"
  }
}
