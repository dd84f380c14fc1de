// Runs before first paint: apply a theme the learner chose earlier, if any.
(function () {
  try {
    var theme = localStorage.getItem('frontline-theme');
    if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
  } catch (error) {
    // Storage can be blocked; the system preference then applies.
    void error;
  }
})();
