using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Hostile;

/// <summary>What one hostile request did wrong: a 5xx, or an error logged while it ran.</summary>
sealed record HostileFailure(int Index, HostileCase Case, int Status, string? Error)
{
    public override string ToString() => $"#{Index} {Case.Kind}: {(Status == 0 ? "no answer" : "HTTP " + Status)}{(Error is null ? "" : " — " + Error)}";
}

/// <summary>
/// The real bot (local mode: no token stands between hostile bodies and the app) with every error it logs caught, posting
/// raw bodies to /api/messages the way the connector does, many at once.
/// </summary>
sealed class HostileBot : IAsyncDisposable
{
    readonly TestBot _bot;
    readonly ErrorLog _errors;
    readonly string _connector;

    HostileBot(TestBot bot)
    {
        _bot = bot;
        _errors = (ErrorLog)bot.Services.GetServices<ILoggerProvider>().Single(p => p is ErrorLog);
        _connector = bot.ServiceUrl.ToString().TrimEnd('/');
        bot.Connector.KeepBodies = false;   // tens of thousands of replies nobody reads
    }

    public TestBot Bot => _bot;

    public static async Task<HostileBot> StartAsync() => new(await TestBot.StartAsync(services: s =>
    {
        s.AddHttpContextAccessor();
        s.AddSingleton<ILoggerProvider, ErrorLog>();
    }));

    /// <summary>Posts every case, <paramref name="parallel"/> at a time; returns each one's status and those that failed.</summary>
    public async Task<(int[] Statuses, List<HostileFailure> Failures)> RunAsync(IReadOnlyList<HostileCase> cases, int parallel)
    {
        _errors.Clear();
        var statuses = new int[cases.Count];
        using (PassTime())
            await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count), new ParallelOptions { MaxDegreeOfParallelism = parallel },
                async (i, _) => statuses[i] = await PostAsync(cases[i].Body, i));
        var errors = _errors.Errors;
        var failures = new List<HostileFailure>();
        for (var i = 0; i < cases.Count; i++)
        {
            var key = i.ToString(CultureInfo.InvariantCulture);
            var error = errors.FirstOrDefault(e => e.Case == key);
            if (statuses[i] is 0 or >= 500 || error.Category is not null)
                failures.Add(new HostileFailure(i, cases[i], statuses[i], error.Category is null ? null : Describe(error)));
        }
        // An error no request can be blamed for still fails the run: it is reported against no case.
        foreach (var e in errors.Where(e => e.Case is null))
            failures.Add(new HostileFailure(-1, new HostileCase("unattributed", []), 0, Describe(e)));
        return (statuses, failures);
    }

    /// <summary>
    /// What this body alone does wrong, as a signature a smaller body must keep to count as the same failure (its status,
    /// and the exception's type and the first frame in our code); null when nothing goes wrong.
    /// </summary>
    public async Task<string?> FailureOfAsync(byte[] body)
    {
        _errors.Clear();
        int status;
        using (PassTime()) status = await PostAsync(body, -2);
        var error = _errors.Errors.FirstOrDefault();
        if (status is > 0 and < 500 && error.Category is null) return null;
        var frame = error.Exception?.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at TeamsCrm.", StringComparison.Ordinal));
        return $"{status}|{error.Exception?.GetType().Name}|{frame?.Split(" in ")[0]}";
    }

    /// <summary>
    /// Lets the bot's fake clock run (a second every 10 ms) while requests are in flight: sends to one conversation are paced
    /// within Teams' limits on that clock, so hundreds of presses on one button would otherwise wait forever.
    /// </summary>
    IDisposable PassTime()
    {
        var stop = new CancellationTokenSource();
        var token = stop.Token;
        _ = Task.Run(async () =>
        {
            while (!token.IsCancellationRequested)
            {
                _bot.Clock.Advance(TimeSpan.FromSeconds(1));
                try { await Task.Delay(10, token); } catch (OperationCanceledException) { }
            }
        });
        return new Stopper(stop);
    }

    /// <summary>Stops the clock; the source is left to the collector (the loop may still be reading its token).</summary>
    sealed class Stopper(CancellationTokenSource stop) : IDisposable
    {
        public void Dispose() => stop.Cancel();
    }

    async Task<int> PostAsync(byte[] body, int index)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new ByteArrayContent(Address(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(ErrorLog.CaseHeader, index.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var response = await _bot.Http.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            return (int)response.StatusCode;
        }
        catch (TaskCanceledException)
        {
            return 0;   // no answer within the client's 30 s: a hang is a failure of its own, reported with the others
        }
    }

    /// <summary>The body with the fake connector's real address in place of <see cref="HostileJson.Connector"/>.</summary>
    byte[] Address(byte[] body) => Bytes.Replace(body, HostileJson.Connector, _connector);

    public IReadOnlyDictionary<string, long> StoredRecords() => Stored.RecordsOf(_bot);

    static string Describe((string? Case, string Category, string Message, Exception? Exception) e) =>
        $"{e.Category}: {e.Message}" + (e.Exception is { } x ? $" [{x.GetType().Name}: {x.Message}]\n{x.StackTrace}" : "");

    public ValueTask DisposeAsync() => _bot.DisposeAsync();
}
