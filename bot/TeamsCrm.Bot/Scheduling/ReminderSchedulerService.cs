using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Features.Briefs;
using TeamsCrm.Bot.Features.Reminders;

namespace TeamsCrm.Bot.Scheduling;

/// <summary>Scans for due reminders (and morning briefs) at start and then every <see cref="ReminderOptions.ScanInterval"/>, on the app's <see cref="TimeProvider"/>.</summary>
public sealed partial class ReminderSchedulerService(ReminderScheduler scheduler, BriefScheduler briefs, IOptions<ReminderOptions> options,
    TimeProvider clock, ILogger<ReminderSchedulerService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunScheduler) return;
        using var timer = new PeriodicTimer(options.Value.ScanInterval, clock);
        do
        {
            try
            {
                await scheduler.ScanAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogScanFailed(log, e);
            }
            try
            {
                await briefs.ScanAsync(stoppingToken);   // each rep's morning brief, at their own time
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogBriefScanFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The reminder scan failed; it runs again at the next tick")]
    static partial void LogScanFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "The morning brief scan failed; it runs again at the next tick")]
    static partial void LogBriefScanFailed(ILogger logger, Exception e);
}
