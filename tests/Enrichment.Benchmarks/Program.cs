using Enrichment.Benchmarks;

// Runnable benchmarks; every server they talk to is started here, on 127.0.0.1.
//   dotnet run -c Release --project tests/Enrichment.Benchmarks -- smtp-throughput
//   dotnet run -c Release --project tests/Enrichment.Benchmarks -- cli-memory
//   dotnet run -c Release --project tests/Enrichment.Benchmarks -- finding-accuracy
//   dotnet run -c Release --project tests/Enrichment.Benchmarks -- dashboard [--quick]
//   dotnet run -c Release --project tests/Enrichment.Benchmarks -- import-speed [--rows N]
//   dotnet run -c Release --project tests/Enrichment.Benchmarks -- verify-ordered [--rows N]
//   dotnet run -c Release --project tests/Enrichment.Benchmarks -- titles [--quick]
//   dotnet run -c Release --project tests/Enrichment.Benchmarks -- committee-fill [--accounts N] [--quick]
//   dotnet run -c Release --project tests/Enrichment.Benchmarks -- committee-fill-service [--accounts N] [--workers N] [--quick]
//   dotnet run -c Release --project tests/Enrichment.Benchmarks -- service-upload [--rows N] [--quick]
//   dotnet run -c Release --project tests/Enrichment.Benchmarks -- service-end-to-end [--contacts N] [--domains N] [--quick]
//   dotnet run -c Release --project tests/Enrichment.Benchmarks -- claims [--quick]
var command = args.Length > 0 ? args[0] : "help";
var rest = args.Skip(1).ToArray();
return command switch
{
    "smtp-throughput" => await SmtpThroughput.RunAsync(rest),
    "cli-memory" => await CliMemory.RunAsync(rest),
    "finding-accuracy" => await FindingAccuracy.RunAsync(rest),
    "finding-rcpts" => await FindingRcpts.RunAsync(rest),
    "dashboard" => await DashboardRender.RunAsync(rest),
    "import-speed" => await ImportSpeed.RunAsync(rest),
    "verify-ordered" => await VerifyOrdered.RunAsync(rest),
    "titles" => TitlesBenchmark.Run(rest),
    "committee-fill" => await CommitteeFill.RunAsync(rest),
    "committee-fill-service" => await CommitteeFillService.RunAsync(rest),
    "service-upload" => await ServiceUpload.RunAsync(rest),
    "service-end-to-end" => await ServiceEndToEnd.RunAsync(rest),
    "claims" => await ClaimsBenchmark.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Enrichment.Benchmarks smtp-throughput|cli-memory|finding-accuracy|finding-rcpts|import-speed|verify-ordered|titles|service-upload|service-end-to-end|dashboard|claims|committee-fill|committee-fill-service [options]");
    return 2;
}
