# With Terraform 1.12 or OpenTofu 1.12 and later, by its identity: the same ID.
import {
  to = conference_portsip_room.town_hall
  identity = {
    id = "NzAwNTUxOTA5NzczMTQ4MTYw"
  }
}
