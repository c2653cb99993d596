# A meeting is imported by its PortSIP ID, signed in as its owner: the
# resource block it is imported into selects the owner's provider alias
# (`provider = conference.alice`), and the import uses it.
import {
  to = conference_portsip_meeting.design_review
  id = "NzAwNTUxOTA5NzczMTQ4MTYw"
}
