/**
 * The scenario files ({@code src/test/resources/scenarios/*.json}): worlds and hand-derived expectations
 * that every runner (the engine's, the HTTP API's) checks. Parsing only: no runner lives here, and it
 * depends on the model alone.
 */
package dev.gatehouse.scenario;
