using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>
/// Finishes the decisions whose steps are due (<see cref="ApprovalDesk.FinishDueAsync"/>) at start — what a crash or a
/// connector outage left — and then every <see cref="ApprovalOptions.FinishInterval"/>, on the app's <see cref="TimeProvider"/>.
/// Each request waits out its own back-off; several instances may sweep at once, the claim on each request keeps them apart.
/// The same tick watches the waiting requests' deadlines (<see cref="ApprovalDesk.SweepDeadlinesAsync"/>): reminders and escalations.
/// </summary>
public sealed partial class ApprovalFinishService(ApprovalDesk desk, IOptions<ApprovalOptions> options, TimeProvider clock,
    ILogger<ApprovalFinishService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunFinisher && !options.Value.RunDeadlines) return;
        using var timer = new PeriodicTimer(options.Value.FinishInterval, clock);
        do
        {
            try
            {
                if (options.Value.RunFinisher && await desk.FinishDueAsync(stoppingToken) is > 0 and var finished) LogFinished(log, finished);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(log, e);
            }
            try
            {
                if (options.Value.RunDeadlines && await desk.SweepDeadlinesAsync(stoppingToken) is > 0 and var moved) LogMoved(log, moved);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Finished {Count} decisions whose cards or requester were still to be told")]
    static partial void LogFinished(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminded or escalated {Count} waiting requests at their deadlines")]
    static partial void LogMoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The sweep of unfinished decisions failed; it runs again at the next tick")]
    static partial void LogSweepFailed(ILogger logger, Exception e);
}
