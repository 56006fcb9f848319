/**
 * The {@code fairlead} command line ({@code docs/cli.md}): {@code allocate} solves a problem file
 * on this machine, {@code serve} runs the service, and one client command per operation of the
 * service's HTTP API. Built on picocli: options are typed and checked before anything is done, and
 * every refusal names the option. Exit codes: 0 done, 1 refused (input or service), 2 bad usage.
 */
package io.fairlead.service.cli;
