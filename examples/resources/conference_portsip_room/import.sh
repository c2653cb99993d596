# A conference room is imported by its PortSIP ID.
terraform import conference_portsip_room.town_hall NzAwNTUxOTA5NzczMTQ4MTYw
