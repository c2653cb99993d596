package portsipmap

import "github.com/confkit/terraform-provider-conference/internal/mapping"

// Mode is a room's or meeting's media: the PBX's mode.
type Mode string

// Modes are the PBX's modes.
var Modes = mapping.Enum[Mode]{"AUDIO", "VIDEO"}

// Layout is a video grid layout.
type Layout string

// Layouts are the PBX's video layouts.
var Layouts = mapping.Enum[Layout]{"LAYOUT0", "LAYOUT1", "LAYOUT2", "LAYOUT3", "LAYOUT4", "LAYOUT6", "LAYOUT9"}

// Control is who holds the floor: anyone (FREE) or the chairman (MASTER).
type Control string

// Controls are the PBX's conference controls.
var Controls = mapping.Enum[Control]{"FREE", "MASTER"}
