using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OpenTelemetry.Resources;

namespace TeamsCrm.Bot.Operations;

public static class TelemetryServices
{
    /// <summary>The key App Service and the Application Insights SDKs read; infra/main.bicep sets it.</summary>
    public const string AzureMonitorKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// Logs: JSON lines on the console when the bot runs authenticated (deployed) and Logging:Console:FormatterName
    /// does not say otherwise — App Service and container hosts collect stdout. Traces and metrics, TeamsCrm's own and
    /// ASP.NET Core's, go to Application Insights when its connection string is set (the Azure Monitor distro also sends
    /// requests, outgoing HTTP calls and logs there), and by OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the SDK reads
    /// the standard OTEL_* variables); to both when both are. With neither nothing is exported and the instruments cost
    /// next to nothing.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var deployed = !string.IsNullOrWhiteSpace(config["Bot:AppId"]);
        if (deployed && string.IsNullOrWhiteSpace(config["Logging:Console:FormatterName"]))
            builder.Logging.AddConsole(o => o.FormatterName = ConsoleFormatterNames.Json);

        var azureMonitor = config[AzureMonitorKey];
        var otlp = !string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (string.IsNullOrWhiteSpace(azureMonitor) && !otlp) return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config["OTEL_SERVICE_NAME"] ?? BotTelemetry.Name))
            .WithTracing(t => t.AddSource(BotTelemetry.Name, "Microsoft.AspNetCore"))
            .WithMetrics(m => m.AddMeter(BotTelemetry.Name, "Microsoft.AspNetCore.Hosting", "System.Net.Http"));
        // The distro reads the rest of its options (sampling, live metrics, offline storage) from the AzureMonitor section.
        if (!string.IsNullOrWhiteSpace(azureMonitor)) telemetry.UseAzureMonitor(o => o.ConnectionString = azureMonitor);
        if (otlp) telemetry.WithTracing(t => t.AddOtlpExporter()).WithMetrics(m => m.AddOtlpExporter());
        return builder;
    }
}
