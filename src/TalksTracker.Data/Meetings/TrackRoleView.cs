using TalksTracker.Domain;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Meetings;

public sealed record TrackRoleView(NamedRef Actor, TrackRole Role, Acknowledgement Acknowledgement, string? Note);
