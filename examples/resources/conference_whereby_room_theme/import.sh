# Import a room's theme by the room's name. Whereby returns no theme: the first
# apply after the import sets the configured colors and images.
terraform import conference_whereby_room_theme.all_hands /all-hands-793e9ec1-c686-423d-9043-9b7a10c553fd
