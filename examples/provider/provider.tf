# Configure only the platforms you use. Every value can also come from the
# environment (PORTSIP_ENDPOINT, PORTSIP_TOKEN or PORTSIP_USERNAME/PASSWORD,
# LINE_PLANET_*, SQMEETING_*, WHEREBY_*), which keeps secrets out of the code.
# A platform's credentials come all from its block or all from the
# environment: this portsip block's username and password are used even when
# PORTSIP_TOKEN is set.
provider "conference" {
  request_timeout = "30s"
  max_retries     = 4

  portsip {
    endpoint = "https://pbx.example.com:8900"
    username = "admin"
    password = var.portsip_password
  }

  line_planet {
    endpoint   = "https://vpnx-stn-api.line-apps.com"
    api_key    = var.line_api_key
    api_secret = var.line_api_secret
  }

  sqmeeting {
    endpoint = "https://meeting.example.com"
    username = "scheduler"
    password = var.sqmeeting_password
  }

  # The endpoint defaults to https://api.whereby.dev. The provider paces its
  # requests to 100 points a minute (Whereby's Build plan) unless told more.
  whereby {
    api_key           = var.whereby_api_key
    points_per_minute = 1000 # a Grow plan
  }
}

variable "portsip_password" {
  type      = string
  sensitive = true
}

variable "line_api_key" {
  type      = string
  sensitive = true
}

variable "line_api_secret" {
  type      = string
  sensitive = true
}

variable "sqmeeting_password" {
  type      = string
  sensitive = true
}

variable "whereby_api_key" {
  type      = string
  sensitive = true
}
