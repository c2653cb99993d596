# The enabled servers added to the PBX, largest first.
data "conference_portsip_servers" "external" {
  filter  = "type eq 'EXTERNAL' and enabled eq true"
  orderby = "max_rooms desc"
}

# Servers whose name or address mentions "east".
data "conference_portsip_servers" "east" {
  search = "east"
}

output "external_servers" {
  value = { for s in data.conference_portsip_servers.external.servers : s.name => s.max_rooms }
}
