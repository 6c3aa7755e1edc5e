// Starts Swagger UI on the service's own OpenAPI document (a file, so the page needs no inline
// script under its Content-Security-Policy).
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui-container" });
});
