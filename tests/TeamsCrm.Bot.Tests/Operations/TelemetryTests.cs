using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using TeamsCrm.Bot.Operations;
using TeamsCrm.Bot.Tests.Archive.SharePoint;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Operations;

/// <summary>Turns, Graph calls and connector calls show up as spans and measurements on the TeamsCrm source and meter.</summary>
public sealed class TelemetryTests : IDisposable
{
    readonly ConcurrentBag<Activity> _spans = [];
    readonly ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    readonly ActivityListener _spanListener;
    readonly MeterListener _meterListener = new();

    public TelemetryTests()
    {
        _spanListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == BotTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Add,
        };
        ActivitySource.AddActivityListener(_spanListener);
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BotTelemetry.Name) listener.EnableMeasurementEvents(instrument);
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            _measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _meterListener.Start();
    }

    [Fact]
    public async Task A_turn_on_SharePoint_emits_spans_and_durations_for_the_turn_Graph_and_the_connector()
    {
        await using var sharePoint = await FakeSharePoint.StartAsync();
        await using var bot = await TestBot.StartAsync(settings: sharePoint.BotSettings());

        var result = await bot.Say(Demo.LiNa, "find Huadong");
        Assert.Equal(200, result.Status);

        Assert.Contains(_spans, s => s.OperationName == "turn Message" && (string?)s.GetTagItem("teamscrm.turn.outcome") == "ok");
        Assert.Contains(_spans, s => s.OperationName.StartsWith("graph ", StringComparison.Ordinal) && s.Kind == ActivityKind.Client);
        Assert.Contains(_spans, s => s.OperationName == "connector POST" && (int?)s.GetTagItem("http.response.status_code") is >= 200 and < 300);

        Assert.Contains(_measurements, m => m.Instrument == "teamscrm.turn.duration" && (string?)m.Tags["kind"] == "Message" && m.Value > 0);
        Assert.Contains(_measurements, m => m.Instrument == "teamscrm.outbound.duration" && (string?)m.Tags["peer"] == "graph");
        Assert.Contains(_measurements, m => m.Instrument == "teamscrm.outbound.duration" && (string?)m.Tags["peer"] == "connector");
    }

    [Fact]
    public async Task No_user_text_reaches_the_telemetry()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Say(Demo.LiNa, "find Secret Customer 12345");

        var mine = _spans.Where(s => s.OperationName.StartsWith("turn", StringComparison.Ordinal) || s.OperationName.StartsWith("connector", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(mine);
        Assert.All(mine.SelectMany(s => s.TagObjects), t => Assert.DoesNotContain("Secret", t.Value?.ToString() ?? "", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _spanListener.Dispose();
        _meterListener.Dispose();
    }
}
