using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TeamsCrm.Bot.Operations;
using TeamsCrm.BotFramework.Connector;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Operations;

/// <summary>A shutdown (SIGTERM, a scale-in, a deployment slot swap) lets the turns in flight finish and answer.</summary>
public class GracefulShutdownTests
{
    [Fact]
    public async Task A_turn_in_flight_when_the_bot_stops_finishes_and_its_reply_is_sent()
    {
        // The turn is held where it sends its reply to the connector: routed, answered, not yet delivered.
        var gate = new ConnectorGate();
        await using var bot = await TestBot.StartAsync(services: s => s.AddHttpClient<ConnectorClient>().AddHttpMessageHandler(() => new ConnectorGate.Handler(gate)));

        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
        var inFlight = bot.Services.GetRequiredService<InFlightTurns>();

        var turn = bot.Say(Demo.LiNa, "help");
        Task stop;
        Task<int> turnsWhenStopped;
        try
        {
            await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
            stop = bot.StopAsync();
            // Read at the very moment the stop completes (synchronously with it), whenever that is.
            turnsWhenStopped = stop.ContinueWith(_ => inFlight.Count, TaskContinuationOptions.ExecuteSynchronously);

            await stopping.Task.WaitAsync(TimeSpan.FromSeconds(10));   // the shutdown has begun, with the turn still held
            Assert.Equal(1, inFlight.Count);
            Assert.Equal("stopping", await bot.Services.GetRequiredService<ReadinessProbe>().WhyNotReadyAsync());
        }
        finally { gate.Release.TrySetResult(); }   // a failed check must not leave the bot waiting out its shutdown timeout

        var result = await turn.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(200, result.Status);
        Assert.NotNull(Assert.Single(result.Calls).Card);   // the help card reached the connector
        Assert.Equal(0, await turnsWhenStopped);   // the stop ended only once the turn had
    }

    [Fact]
    public async Task In_flight_turns_are_counted_until_they_end()
    {
        var turns = new InFlightTurns();
        var first = turns.Enter();
        var second = turns.Enter();
        var idle = turns.WhenIdleAsync(CancellationToken.None);

        first.Dispose();
        first.Dispose();   // a second dispose does not count twice
        Assert.False(idle.IsCompleted);
        Assert.Equal(1, turns.Count);
        second.Dispose();

        await idle.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, turns.Count);
        Assert.True(turns.WhenIdleAsync(CancellationToken.None).IsCompleted);
    }

    /// <summary>Holds every call to the connector until released, so a test can stop the bot in the middle of a turn.</summary>
    sealed class ConnectorGate
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public sealed class Handler(ConnectorGate gate) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
            {
                gate.Entered.TrySetResult();
                await gate.Release.Task;
                return await base.SendAsync(request, ct);
            }
        }
    }
}
