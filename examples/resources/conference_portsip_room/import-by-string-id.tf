# A conference room is imported by its PortSIP ID.
import {
  to = conference_portsip_room.town_hall
  id = "NzAwNTUxOTA5NzczMTQ4MTYw"
}
