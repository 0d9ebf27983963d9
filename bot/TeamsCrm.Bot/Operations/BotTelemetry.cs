using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TeamsCrm.Bot.Operations;

/// <summary>
/// TeamsCrm's own traces and metrics, on System.Diagnostics so that any listener sees them (the OpenTelemetry SDK
/// when an OTLP endpoint is configured, tests with ActivityListener/MeterListener): one span per turn and per
/// outbound Graph or connector call, durations as histograms, and the turns running now.
/// </summary>
public static class BotTelemetry
{
    public const string Name = "TeamsCrm";

    public static readonly ActivitySource Source = new(Name);
    static readonly Meter Meter = new(Name);

    /// <summary>Tags: kind (message, cardAction, search, installed), verb, outcome (ok, error).</summary>
    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>(
        "teamscrm.turn.duration", "s", "How long a turn took, from the routed activity to the reply");

    public static readonly UpDownCounter<long> TurnsActive = Meter.CreateUpDownCounter<long>(
        "teamscrm.turns.active", "{turn}", "Turns running now (a shutdown waits for them)");

    /// <summary>Tags: peer (graph, connector), http.request.method, http.response.status_code or error.type. Each attempt counts: retries show.</summary>
    public static readonly Histogram<double> OutboundDuration = Meter.CreateHistogram<double>(
        "teamscrm.outbound.duration", "s", "Duration of one call to Graph or the Bot Connector");
}
