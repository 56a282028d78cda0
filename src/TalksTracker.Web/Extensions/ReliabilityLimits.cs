using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics;
using TalksTracker.Data;
using TalksTracker.Data.Persistence;

namespace TalksTracker.Web.Extensions;

/// <summary>Limits chosen on purpose; the reasons are in docs/reliability.md.</summary>
public static class ReliabilityLimits
{
    /// <summary>Largest request body Kestrel accepts (413 above): the 2-million-character report limit in JSON with room to spare.</summary>
    public const long MaxRequestBodyBytes = 10 * 1024 * 1024;

    /// <summary>How long a dropped circuit is kept for its browser to reconnect (network blip, laptop lid).</summary>
    public static readonly TimeSpan DisconnectedCircuitRetention = TimeSpan.FromMinutes(2);

    /// <summary>How many dropped circuits are kept at most; beyond this the oldest is let go (its user reloads).</summary>
    public const int DisconnectedCircuitMaxRetained = 50;

    /// <summary>
    /// Largest SignalR message from a browser: a pasted report at the text limit (2 million characters, up to
    /// 4 bytes each in UTF-8) must reach the server in one change event. Default is 32 KB, which drops the circuit
    /// on any paste longer than a page.
    /// </summary>
    public const long MaxHubMessageBytes = 8 * 1024 * 1024;
}

/// <summary>Counts live circuits (for the load test and diagnostics).</summary>
public sealed class CircuitCounter : CircuitHandler
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Errors that are not the server's fault answer as problem details in every environment, never a 500:
/// a request Kestrel or the API could not read (malformed JSON, wrong types, a body over
/// <see cref="ReliabilityLimits.MaxRequestBodyBytes"/>: 400 or 413), a write that stayed busy past
/// every wait (see <see cref="DatabaseBusy"/>: 503, nothing saved) and one that collided with another writer's
/// (see <see cref="DatabaseConflict"/>: 409, nothing saved).
/// </summary>
internal sealed class RequestProblemExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The request body is too large." : "The request could not be read.",
                bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? $"Request bodies are limited to {ReliabilityLimits.MaxRequestBodyBytes / (1024 * 1024)} MB; nothing was stored."
                    : "The body is not valid JSON of the expected shape; nothing was stored."),
            _ when DatabaseBusy.Is(exception) => (StatusCodes.Status503ServiceUnavailable, "The database is busy.", DatabaseBusy.Message),
            _ when DatabaseConflict.Is(exception) => (StatusCodes.Status409Conflict, "A conflicting change was saved at the same moment.", DatabaseConflict.Message),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "2";
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
