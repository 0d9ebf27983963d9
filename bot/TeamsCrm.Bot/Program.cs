using TeamsCrm.Bot.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Features.Briefs;
using TeamsCrm.Bot.Features.CheckIns;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Domain.Documents;
using TeamsCrm.Bot.Features.Documents;
using TeamsCrm.Bot.Features.Exports;
using TeamsCrm.Bot.Features.Imports;
using TeamsCrm.Bot.Features.Reminders;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Operations;
using TeamsCrm.Bot.Packaging;
using TeamsCrm.Bot.Scale;
using TeamsCrm.Bot.Scheduling;
using TeamsCrm.Bot.Teams;
using TeamsCrm.Bot.Turns;
using TeamsCrm.BotFramework.Auth;
using TeamsCrm.BotFramework.Connector;
using TeamsCrm.BotFramework.Hosting;

namespace TeamsCrm.Bot;

/// <summary>Composition, in the order an activity flows: protocol → Teams adapter → router → features → directory and archive.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // `provision`: create the SharePoint lists (or add what is missing) and exit, without starting the bot.
        if (args is ["provision", .. var rest]) return await ProvisionCommand.RunAsync(rest, Console.Out, Console.Error);
        // `package`: the Teams app package (manifest/ filled in from environment values) and exit.
        // `import`: load a ledger workbook into the configured archive (dry run or apply) and exit.
        if (args is ["import", .. var import]) return await ImportCommand.RunAsync(import, Console.Out, Console.Error);
        if (args is ["package", .. var options]) return PackageCommand.Run(options, Environment.GetEnvironmentVariable, Console.Out, Console.Error);
        await Build(args).RunAsync();
        return 0;
    }

    /// <param name="customize">Tests replace services (clock, connector address) here before the app is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        builder.AddTelemetry();                                           // JSON logs when deployed; traces and metrics to App Insights and/or OTLP when configured
        services.AddOperations();                                         // readiness, in-flight turns, graceful shutdown, Host:*

        services.AddBotFramework(builder.Configuration);                  // JWT validation, redelivery dedup, connector client
        services.AddHttpClient<ConnectorClient>()
            .AddHttpMessageHandler(() => new OutboundCallTelemetry("connector"))    // innermost: each attempt, retries included
            // The factory's own per-request log lines and scopes (Information, four a call) say less than the telemetry
            // above and cost a tenth of a help turn's CPU; failures are logged by the connector client and the retry handler.
            .RemoveAllLoggers();
        services.AddSingleton<IActivityHandler, TeamsActivityHandler>();  // activity → Turn → router → reply
        // Files from and to the pre-authenticated addresses Teams gives (a document sent, a file accepted): no token.
        services.AddHttpClient<FileTransfers>(c => c.Timeout = TimeSpan.FromMinutes(5))
            .AddHttpMessageHandler(() => new OutboundCallTelemetry("files"));
        services.AddSingleton<IncomingFiles>();                            // a message's attachments → files a feature may open
        services.AddSingleton<ReplySender>();
        services.AddSingleton<ConversationRecorder>();
        services.AddSingleton<ChannelRegistry>();                          // a team's channels: installed, created, renamed, deleted
        services.AddScale(builder.Configuration);                         // Scale:Redis → shared by every instance; a warning when several share nothing
        services.AddSharedTurnState();                                     // redelivery dedup, Teams' send limits, saved references: Redis or this process
        services.AddSingleton<IChannelMessenger, ConnectorMessenger>();   // proactive: 1:1 chats, channels, card updates
        services.AddSingleton<Audiences>();                                // who reads a conversation: the audience rule's input
        services.AddSingleton(_ => Routes.Map(new Router()));             // every command and card verb

        services.AddDirectory(builder.Configuration);                     // roles and managers: configuration or Entra ID
        services.AddArchive();                                             // SQLite by default
        services.AddValidatedOptions<ApprovalOptions, ApprovalOptionsValidation>(ApprovalOptions.Section);
        services.AddValidatedOptions<VisitOptions, VisitOptionsValidation>(VisitOptions.Section);   // how long a rep may correct a report
        services.AddValidatedOptions<CadenceOptions, CadenceOptionsValidation>(CadenceOptions.Section);   // days between visits by tier and key-account class
        services.AddSingleton<DueVisits>();                                // …the rep's files overdue or due soon by that cadence
        services.AddSingleton<ApprovalDesk>();                             // files requests, carries decisions out
        services.AddHostedService<ApprovalFinishService>();                // …and finishes what a decision left, until done
        services.AddValidatedOptions<ExportOptions, ExportOptionsValidation>(ExportOptions.Section);   // a key when Host:Instances > 1
        services.AddSingleton<DownloadLinks>();                              // short-lived signed CSV links
        services.AddValidatedOptions<DocumentLimits, DocumentLimitsValidation>(DocumentLimits.Section);   // size, types, files per message
        services.AddValidatedOptions<ImportOptions, ImportOptionsValidation>(ImportOptions.Section);   // row limit, batch size
        services.AddSingleton<LedgerImporter>();                           // ledger workbooks: dry run, apply, resume
        services.AddSingleton<ImportDesk>();                               // the chat's import: checks and applies queued…
        services.AddHostedService<ImportWorkerService>();                  // …run in the background, applies cut short resumed
        services.AddSingleton<RecentCustomers>();                          // the file each person last opened: a document's default
        services.AddSingleton<CustomerPurge>();                            // deleted files past retention → purged
        services.AddHostedService<CustomerPurgeService>();                 // …every hour
        services.AddValidatedOptions<ReminderOptions, ReminderOptionsValidation>(ReminderOptions.Section);
        services.AddSingleton<ChannelReps>();                              // a channel's reps: chosen, or the team's roster
        services.AddSingleton<ReminderContent>();                          // what each reminder says, from the archive
        services.AddSingleton<ReminderFanOut>();                           // to the channel or each person, once each
        services.AddSingleton<ReminderScheduler>();                        // due occurrences, claimed once across instances
        services.AddValidatedOptions<BriefOptions, BriefOptionsValidation>(BriefOptions.Section);   // default time, payment term
        services.AddSingleton<BriefContent>();                             // the plan's visits with their files, in one $batch
        services.AddSingleton<BriefScheduler>();                           // each rep's brief at their time, once a day
        services.AddValidatedOptions<CheckInOptions, CheckInOptionsValidation>(CheckInOptions.Section);   // radius, accuracy limits
        services.AddSingleton<CheckInDesk>();                              // a rep at a customer's site, from the signed page
        services.AddHostedService<ReminderSchedulerService>();             // …every minute

        customize?.Invoke(builder);
        var app = builder.Build();
        // A wrong provider or a missing setting is a deployment error: fail at start, not at the first message.
        _ = app.Services.GetRequiredService<ICrmArchive>();
        _ = app.Services.GetRequiredService<IDirectory>();

        var local = app.Services.GetRequiredService<IOptions<BotAuthOptions>>().Value.IsLocalMode;
        if (local) LoopbackGuard.EnsureLoopbackOnly(ConfiguredUrls(app.Configuration));
        app.Lifetime.ApplicationStarted.Register(() => OnStarted(app, local));

        app.MapBotMessages("/api/messages");
        app.MapHealth();                                                   // /health (alive), /health/ready (archive reachable, not stopping)
        app.MapExports();                                                  // GET /export: signed CSV downloads
        app.MapDocuments();                                                // GET /documents: a customer's document, signed, streamed
        app.MapImportReports();                                            // GET /imports/report: an import's dry run, row by row
        app.MapCheckIns();                                                 // GET/POST /checkin: the check-in dialog's page, signed
        app.MapCustomerLinks();                                            // GET /customers/{number}: what the link is, how to open it in Teams (no data)
        return app;
    }

    static IEnumerable<string> ConfiguredUrls(IConfiguration config)
    {
        foreach (var key in new[] { "urls", "http_ports", "https_ports" })
            foreach (var url in (config[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                yield return key == "urls" ? url : $"http://*:{url}";   // bare ports bind every interface
        foreach (var endpoint in config.GetSection("Kestrel:Endpoints").GetChildren())
            if (endpoint["Url"] is { } url) yield return url;
    }

    /// <summary>Belt and braces for local mode: whatever configured the addresses, refuse to keep serving beyond loopback.</summary>
    static void OnStarted(WebApplication app, bool local)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (local && addresses.Any(a => !LoopbackGuard.IsLoopbackUrl(a)))
        {
            app.Logger.LogCritical("Local mode (no Bot:AppId) must listen on loopback only, but listens on {Addresses}; stopping.", string.Join(", ", addresses));
            app.Lifetime.StopApplication();
            return;
        }
        app.Logger.LogInformation("TeamsCrm listening on {Addresses} ({Mode} mode)", string.Join(", ", addresses), local ? "local" : "authenticated");
    }
}
