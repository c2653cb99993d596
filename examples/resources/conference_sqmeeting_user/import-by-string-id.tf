# A user is imported by its username or by its user ID.
import {
  to = conference_sqmeeting_user.dave
  id = "dave"
}
