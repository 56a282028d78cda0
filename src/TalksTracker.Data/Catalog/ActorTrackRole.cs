using TalksTracker.Domain;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Catalog;

public sealed record ActorTrackRole(NamedRef Track, TrackRole Role, Acknowledgement Acknowledgement);
