# A conference server is imported by its PortSIP ID.
import {
  to = conference_portsip_server.east
  id = "NzAwNTUxOTA5NzczMTQ4MTYw"
}
