using System.Diagnostics;

namespace TeamsCrm.Bot.Operations;

/// <summary>
/// One span and one duration per turn, tagged with the turn's kind, card verb and outcome only: no user text and
/// no ids, which would put customers' data into telemetry.
/// </summary>
public sealed class TurnTelemetry : IDisposable
{
    readonly long _started = Stopwatch.GetTimestamp();
    readonly Activity? _span;
    readonly string _kind;
    readonly string? _verb;
    string _outcome = "ok";

    TurnTelemetry(string kind, string? verb)
    {
        (_kind, _verb) = (kind, verb);
        _span = BotTelemetry.Source.StartActivity($"turn {kind}");
        _span?.SetTag("teamscrm.turn.kind", kind);
        _span?.SetTag("teamscrm.turn.verb", verb);
    }

    public static TurnTelemetry Start(string kind, string? verb) => new(kind, verb);

    public void Failed(Exception e)
    {
        _outcome = "error";
        _span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
    }

    public void Dispose()
    {
        _span?.SetTag("teamscrm.turn.outcome", _outcome);
        _span?.Dispose();
        BotTelemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds,
            new("kind", _kind), new("verb", _verb), new("outcome", _outcome));
    }
}
