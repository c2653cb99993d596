# Check every enabled conference server and report the ones that are offline.
data "conference_portsip_servers" "enabled" {
  filter = "enabled eq true"
}

data "conference_portsip_server_status" "each" {
  for_each = toset(data.conference_portsip_servers.enabled.servers[*].id)
  id       = each.value
}

output "offline_server_ids" {
  value = [for id, s in data.conference_portsip_server_status.each : id if s.status == "OFFLINE"]
}

output "busiest_server_cpu" {
  value = max(0, [for s in data.conference_portsip_server_status.each : s.cpu_usage]...)
}
