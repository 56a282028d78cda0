using TalksTracker.Domain;
using TalksTracker.Domain.Extraction;

namespace TalksTracker.Data.Intake;

public sealed record ExtractionProposal(
    TextSpan Span,
    string Text,
    string? SourceMention,
    ProposedSource? Source,
    SourceKind? SourceKind,
    string? Via,
    string? Cue,
    Stance Stance,
    IReadOnlyList<string> Hedges,
    IReadOnlyList<Mention> Mentions);
