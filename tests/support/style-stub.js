// Stylesheets have no meaning in jsdom; components are tested by text, roles and clicks.
module.exports = {};
