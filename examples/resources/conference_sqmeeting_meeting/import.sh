# Import a meeting by its reservation ID.
terraform import conference_sqmeeting_meeting.review 1f0c6a55-8d8e-4b43-9c1e-3e7f0b6f2a10
