package sqmeetingmap

// MeetingFilterDoc describes the meeting list's search key, which the
// plural data source and the list resources take alike.
const MeetingFilterDoc = "The API's search key (`filter`): SQMeeting lists the meetings whose name or meeting number matches it. When not set, every meeting."
