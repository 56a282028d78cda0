namespace TalksTracker.Data.Intake;

/// <summary>Limits on intake (see docs/reliability.md).</summary>
public sealed class IntakeOptions
{
    /// <summary>
    /// How long extraction may run on one text before it is stopped and the text refused. A real
    /// report at the 2-million-character limit extracts in well under this; only pathological input hits it.
    /// </summary>
    public TimeSpan ExtractionTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
