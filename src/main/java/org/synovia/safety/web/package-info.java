/**
 * Where users meet the safety engine: the JSON API ({@code /api/v1/safety/...}), its OpenAPI
 * description and the rule catalogue page for clinicians ({@code /safety/rules}).
 */
package org.synovia.safety.web;
