# A meeting is imported by its PortSIP ID, signed in as its owner: the resource
# block must select the owner's provider alias (`provider = conference.alice`).
# Another user's meeting cannot be imported: the PBX does not show it.
terraform import conference_portsip_meeting.design_review NzAwNTUxOTA5NzczMTQ4MTYw
