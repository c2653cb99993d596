# Import a user by its username (or by its user ID).
terraform import conference_sqmeeting_user.dave dave
