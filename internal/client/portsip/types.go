package portsip

// ServerTypeInternal is the type of the PBX's own, built-in conference
// server (portsip-openapi-conference.json, conference server "type",
// read-only); the servers added through the API are EXTERNAL.
const ServerTypeInternal = "INTERNAL"

// Server is a conference server as GET /conference_servers/{id} returns it.
type Server struct {
	ID              string `json:"id"`
	Name            string `json:"name"`
	Enabled         bool   `json:"enabled"`
	Type            string `json:"type"`
	IPv4            string `json:"ipv4"`
	IPv6            string `json:"ipv6"`
	MaxRooms        int64  `json:"max_rooms"`
	MaxParticipants int64  `json:"max_participants"`
}

// ServerCreate is the body of POST /conference_servers.
type ServerCreate struct {
	Name            string `json:"name"`
	Enabled         *bool  `json:"enabled,omitempty"`
	IPv4            string `json:"ipv4,omitempty"`
	IPv6            string `json:"ipv6,omitempty"`
	MaxRooms        int64  `json:"max_rooms"`
	MaxParticipants int64  `json:"max_participants"`
}

// ServerUpdate is the body of POST /conference_servers/{id}: the API cannot change
// name, ipv4 or ipv6.
type ServerUpdate struct {
	Enabled         *bool  `json:"enabled,omitempty"`
	MaxRooms        *int64 `json:"max_rooms,omitempty"`
	MaxParticipants *int64 `json:"max_participants,omitempty"`
}

// ServerStatus is GET /conference_servers/{id}/status.
type ServerStatus struct {
	RoomsCount        int64  `json:"rooms_count"`
	ParticipantsCount int64  `json:"participants_count"`
	CPUUsage          int64  `json:"cpu_usage"`
	MemoryUsage       int64  `json:"memory_usage"`
	Status            string `json:"status"`
}

// OutboundCallerID is one caller ID a room or meeting may present on outbound
// calls.
type OutboundCallerID struct {
	ProviderID  string `json:"provider_id"`
	CallerID    string `json:"caller_id"`
	Description string `json:"description,omitempty"`
}

// Conference holds the fields a conference room and a user meeting share, as
// GET /conference_rooms/{id} and GET /user/meetings/{id} return them.
type Conference struct {
	ID                string             `json:"id"`
	ExtensionNumber   string             `json:"extension_number"`
	Mode              string             `json:"mode"`
	Control           string             `json:"control"`
	Height            *int64             `json:"height,omitempty"`
	Width             *int64             `json:"width,omitempty"`
	Bitrate           *int64             `json:"bitrate,omitempty"`
	Framerate         *int64             `json:"framerate,omitempty"`
	Layout            string             `json:"layout,omitempty"`
	Subject           string             `json:"subject"`
	Language          string             `json:"language,omitempty"`
	Capacity          int64              `json:"capacity"`
	AdminPIN          string             `json:"admin_pin,omitempty"`
	RoomPIN           string             `json:"room_pin,omitempty"`
	EnableRecording   bool               `json:"enable_recording"`
	EnablePrompt      bool               `json:"enable_prompt"`
	Timezone          string             `json:"timezone,omitempty"`
	CreatedAt         string             `json:"created_at,omitempty"`
	ScheduledStartAt  string             `json:"scheduled_start_at,omitempty"`
	ScheduledEndAt    string             `json:"scheduled_end_at,omitempty"`
	InternalInvitees  []string           `json:"internal_invitees,omitempty"`
	ExternalInvitees  string             `json:"external_invitees,omitempty"`
	Domain            string             `json:"domain,omitempty"`
	SBCHost           string             `json:"sbc_host,omitempty"`
	SBCPort           int64              `json:"sbc_port,omitempty"`
	Token             string             `json:"token,omitempty"`
	OutboundCallerIDs []OutboundCallerID `json:"outbound_caller_ids,omitempty"`
	CustomOptions     string             `json:"custom_options,omitempty"`
}

// Room is a conference room as GET /conference_rooms/{id} returns it.
type Room struct {
	Conference
	Numbers string `json:"numbers,omitempty"`
}

// Meeting is one of the signed-in user's meetings as GET /user/meetings/{id}
// returns it.
type Meeting struct {
	Conference
	CloseOnNobody bool `json:"close_on_nobody"`
	// Ownership is whether the signed-in user owns the meeting.
	Ownership bool `json:"ownership"`
}

// ConferenceInput holds the body fields the create and update of rooms and
// meetings share. Nil fields are left out. On update the PBX keeps what is
// left out, and an empty string or empty list clears an optional field.
type ConferenceInput struct {
	Control   *string `json:"control,omitempty"`
	Height    *int64  `json:"height,omitempty"`
	Width     *int64  `json:"width,omitempty"`
	Bitrate   *int64  `json:"bitrate,omitempty"`
	Framerate *int64  `json:"framerate,omitempty"`
	Layout    *string `json:"layout,omitempty"`
	Subject   *string `json:"subject,omitempty"`
	Language  *string `json:"language,omitempty"`
	// Capacity cannot be given when a meeting is created (createMeeting has
	// no capacity; a new meeting has 9): set it with UpdateMeeting.
	Capacity          *int64              `json:"capacity,omitempty"`
	AdminPIN          *string             `json:"admin_pin,omitempty"`
	RoomPIN           *string             `json:"room_pin,omitempty"`
	EnablePrompt      *bool               `json:"enable_prompt,omitempty"`
	Timezone          *string             `json:"timezone,omitempty"`
	ScheduledStartAt  *string             `json:"scheduled_start_at,omitempty"`
	ScheduledEndAt    *string             `json:"scheduled_end_at,omitempty"`
	InternalInvitees  *[]string           `json:"internal_invitees,omitempty"`
	ExternalInvitees  *string             `json:"external_invitees,omitempty"`
	OutboundCallerIDs *[]OutboundCallerID `json:"outbound_caller_ids,omitempty"`
	CustomOptions     *string             `json:"custom_options,omitempty"`
}

// RoomInput is the body of POST /conference_rooms and POST
// /conference_rooms/{id}. ExtensionNumber, Mode and EnableRecording are for
// the create only: the PBX cannot change them.
type RoomInput struct {
	ExtensionNumber *string `json:"extension_number,omitempty"`
	Mode            *string `json:"mode,omitempty"`
	EnableRecording *bool   `json:"enable_recording,omitempty"`
	ConferenceInput
	Numbers *string `json:"numbers,omitempty"`
}

// MeetingInput is the body of POST /user/meetings and POST
// /user/meetings/{id}. Mode, Subject and Timezone are required to create a
// meeting; Mode cannot change afterwards, and Timezone cannot be cleared.
// There is no extension number: the PBX gives one.
type MeetingInput struct {
	Mode            *string `json:"mode,omitempty"`
	EnableRecording *bool   `json:"enable_recording,omitempty"`
	CloseOnNobody   *bool   `json:"close_on_nobody,omitempty"`
	ConferenceInput
}

// MeetingCreated is what POST /user/meetings answers.
type MeetingCreated struct {
	ID              string `json:"id"`
	ExtensionNumber string `json:"extension_number"`
}

// ConferenceStatus is GET /conference_rooms/{id}/status and GET
// /user/meetings/{id}/status.
type ConferenceStatus struct {
	Status    string `json:"status"`
	Locked    bool   `json:"locked"`
	Muted     bool   `json:"muted"`
	Recording bool   `json:"recording"`
}

// Participant is one member of a live conference.
type Participant struct {
	ID          string `json:"id"`
	DisplayName string `json:"display_name"`
	Muted       bool   `json:"muted"`
	Chairman    bool   `json:"chairman"`
	Position    int64  `json:"position"`
}

// Recording is one recording of a room.
type Recording struct {
	ID         string `json:"id"`
	AnsweredAt string `json:"answered_at"`
	EndedAt    string `json:"ended_at"`
	Duration   int64  `json:"duration"`
	FileName   string `json:"file_name"`
	FileSize   int64  `json:"file_size"`
	FileURL    string `json:"file_url"`
}
