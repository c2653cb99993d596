# A conference server is imported by its PortSIP ID.
terraform import conference_portsip_server.east NzAwNTUxOTA5NzczMTQ4MTYw
