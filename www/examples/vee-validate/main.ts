import { createApp } from "vue";
import CreateImageForm from "./CreateImageForm.vue";
import "../style.css";

createApp(CreateImageForm).mount("#app");
