# With Terraform 1.12 or OpenTofu 1.12 and later, by its identity: the room's
# name.
import {
  to = conference_whereby_room_theme.all_hands
  identity = {
    room_name = "/all-hands-793e9ec1-c686-423d-9043-9b7a10c553fd"
  }
}
